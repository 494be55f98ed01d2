import { ReportMissing } from './ReportMissing';

export default function ReportNotFound() {
  return <ReportMissing />;
}
