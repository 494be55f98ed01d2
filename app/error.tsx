'use client';
/** Last-resort error page: a plain message and a retry; details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-10" data-testid="error-page">
      <h1 className="text-2xl font-bold">出错了</h1>
      <p className="text-stone-700">检索服务暂时不可用或页面加载失败，请稍后再试。</p>
      <div className="flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-1.5 text-white">重试</button>
        <a href="/" className="py-1.5 text-brand-700">返回首页</a>
      </div>
    </div>
  );
}
