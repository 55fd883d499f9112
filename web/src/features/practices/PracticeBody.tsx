import Markdown, { type Components } from 'react-markdown';

/**
 * The body as Markdown, safely: react-markdown builds React elements (raw HTML is shown as text,
 * never parsed), unsafe URLs (javascript:…) are dropped, headings start below the page's own, and
 * images become links (the platform makes no request elsewhere on its own).
 */
const components: Components = {
  h1: ({ node: _n, ...p }) => <h3 {...p} />,
  h2: ({ node: _n, ...p }) => <h4 {...p} />,
  h3: ({ node: _n, ...p }) => <h5 {...p} />,
  h4: ({ node: _n, ...p }) => <h6 {...p} />,
  a: ({ node: _n, href, children }) => (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank">
      {children}
    </a>
  ),
  img: ({ src, alt }) =>
    src ? (
      <a href={String(src)} rel="noopener noreferrer nofollow" target="_blank">
        {alt || String(src)}
      </a>
    ) : null,
};

export function PracticeBody({ markdown }: { markdown: string }) {
  return (
    <div className="practice-body">
      <Markdown components={components}>{markdown}</Markdown>
    </div>
  );
}
