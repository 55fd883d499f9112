/** "es" → "Spanish" in the chosen language (Intl.DisplayNames); the code itself when Intl does not know it. */
export function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
