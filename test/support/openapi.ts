/** `[path under the base, method, the response statuses it documents, sorted]`. */
export type DocumentedRoute = [path: string, method: string, statuses: string[]];

/** The OpenAPI document the running application serves. */
export async function openApiDocument(origin: string): Promise<any> {
  return (await fetch(`${origin}/docs-json`)).json();
}

/** Each route is in the document with exactly these response statuses, and with a summary when `summaries`. */
export function expectDocumentedRoutes(doc: any, base: string, routes: DocumentedRoute[], { summaries = false } = {}): void {
  for (const [path, method, statuses] of routes) {
    const operation = doc.paths[base + path]?.[method];
    expect({ path, method, statuses: Object.keys(operation?.responses ?? {}).sort() }).toEqual({ path, method, statuses });
    if (summaries) expect(operation.summary).toEqual(expect.any(String));
  }
}
