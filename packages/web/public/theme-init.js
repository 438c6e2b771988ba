// Applies the stored theme before the first paint. An external file rather than an inline
// script because the server's Content-Security-Policy forbids inline scripts.
// Keep the key and values in sync with src/stores/theme.ts.
(() => {
  let preference = null;
  try {
    preference = localStorage.getItem('pulse-theme');
  } catch {
    // Storage can be blocked (privacy settings); the system preference still applies.
  }
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const isDark = preference === 'dark' || (preference !== 'light' && prefersDark);
  document.documentElement.classList.toggle('dark', isDark);
})();
