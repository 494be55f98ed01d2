import { NotFoundHelp } from '../../../_components/NotFoundHelp';

export default function CompareNotFound() {
  return <NotFoundHelp fallbackTitle="没有可比较的年度" />;
}
