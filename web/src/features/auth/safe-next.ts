/** Only a path inside this app: "//evil.example" or "https://…" would send the user away. */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//")) return "/";
  return next;
}
