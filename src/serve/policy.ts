/**
 * A policy with `connect-src 'self'` and `'self'` among the script sources; the rest kept. The dev
 * server and the room server both add a script of their own to a built page.
 */
export function devPolicy(policy: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const named = (name: string) => directives.findIndex((d) => d.split(/\s+/)[0]?.toLowerCase() === name);
  const allowSelf = (name: string) => {
    const i = named(name);
    if (i === -1) return directives.push(`${name} 'self'`);
    const sources = directives[i]!.split(/\s+/)
      .slice(1)
      .filter((s) => s !== "'none'");
    if (!sources.includes("'self'")) sources.unshift("'self'");
    directives[i] = [name, ...sources].join(' ');
  };
  allowSelf('script-src');
  allowSelf('connect-src');
  return directives.join('; ');
}
