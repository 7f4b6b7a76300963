/** What the router hands every page. */
export interface PageProps {
  /** Parameters of the route pattern, e.g. { caseId } for "/cases/:caseId". */
  params: Record<string, string>;
  query: URLSearchParams;
}
