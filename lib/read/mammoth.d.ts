// mammoth ships no types; only the call we use.
declare module 'mammoth' {
  interface Message {
    type: 'warning' | 'error';
    message: string;
  }
  export function convertToHtml(input: { buffer: Buffer }, options?: Record<string, unknown>): Promise<{ value: string; messages: Message[] }>;
  const mammoth: { convertToHtml: typeof convertToHtml };
  export default mammoth;
}
