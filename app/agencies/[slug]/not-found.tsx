import { NotFoundHelp } from '../_components/NotFoundHelp';

export default function AgencyNotFound() {
  return <NotFoundHelp fallbackTitle="未找到该机关" />;
}
