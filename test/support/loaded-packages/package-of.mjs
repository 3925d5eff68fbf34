/** The npm package a module path or URL belongs to ("@scope/name" or "name"), or '' outside node_modules. */
export function packageOf(pathOrUrl) {
  const match = /[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)[/\\]/.exec(pathOrUrl);
  return match ? match[1].replace('\\', '/') : '';
}
