/** The few DOM members the focus choice needs (a fake document in tests). */
export interface FocusDocument {
  activeElement: unknown;
  body: unknown;
  querySelector(selector: string): FocusableLike | null;
}
export interface FocusableLike {
  readonly isConnected: boolean;
  focus(): void;
}

/**
 * Where focus goes when a dialog closes: back to its opener while it is on the page; else (the
 * action removed the button, e.g. Decline) the caller's choice, else the page's h1, else <main>,
 * so focus never falls to <body> and a keyboard user keeps their place.
 */
export function focusReturnTarget(
  opener: FocusableLike | null,
  fallback: (() => FocusableLike | null) | undefined,
  doc: FocusDocument,
): FocusableLike | null {
  if (opener?.isConnected) return opener;
  return fallback?.() ?? doc.querySelector('main h1') ?? doc.querySelector('main');
}

/** Whether focus was lost (nothing, or <body>, has it): only then may the fallback take it. */
export const focusLost = (doc: FocusDocument) => doc.activeElement === null || doc.activeElement === doc.body;
