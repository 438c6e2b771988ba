/** The CSRF token the server put in the script-readable `pulse_csrf` cookie, if any. */
export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'pulse_csrf') return decodeURIComponent(value.join('='));
  }
  return undefined;
}
