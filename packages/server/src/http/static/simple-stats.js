// The /simple-stats page: a dependency-free live table of guests, fed by /ws. Text only
// ever reaches the page through textContent, so names from Proxmox cannot inject markup.
(() => {
  const MAX_RETRY_MS = 30_000;
  const statusLine = document.getElementById('status');
  const summary = document.getElementById('summary');
  const guestRows = document.getElementById('guests');
  const pulse = document.getElementById('pulse');
  let retryMs = 1000;

  function setStatus(kind, text) {
    statusLine.className = `status status-${kind}`;
    statusLine.textContent = text;
  }

  function bytes(value) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let scaled = value;
    let unit = 0;
    while (scaled >= 1024 && unit < units.length - 1) {
      scaled /= 1024;
      unit++;
    }
    return `${scaled.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
  }

  function rate(value) {
    return typeof value === 'number' ? `${bytes(value)}/s` : '–';
  }

  function percent(value) {
    return typeof value === 'number' && Number.isFinite(value) ? `${value.toFixed(1)} %` : '–';
  }

  function duration(seconds) {
    if (typeof seconds !== 'number' || seconds <= 0) return '–';
    const days = Math.floor(seconds / 86_400);
    const hours = Math.floor((seconds % 86_400) / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    return days > 0 ? `${days}d ${hours}h` : `${hours}h ${minutes}m`;
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function guestRow(guest) {
    const memory = guest.memory || {};
    const tr = document.createElement('tr');
    tr.append(
      cell(guest.name || ''),
      cell(String(guest.vmid ?? '')),
      cell(guest.type === 'lxc' ? 'container' : 'VM'),
      cell(guest.node || ''),
      cell(
        guest.status || 'unknown',
        `guest-${String(guest.status || 'unknown').replace(/[^a-z]/g, '')}`,
      ),
      cell(percent((guest.cpu || 0) * 100), 'number'),
      cell(`${bytes(memory.used)} / ${bytes(memory.total)} (${percent(memory.usage)})`, 'number'),
      cell(rate(guest.diskRead), 'number'),
      cell(rate(guest.diskWrite), 'number'),
      cell(rate(guest.networkIn), 'number'),
      cell(rate(guest.networkOut), 'number'),
      cell(duration(guest.uptime), 'number'),
    );
    return tr;
  }

  function summaryItem(label, value) {
    const item = document.createElement('div');
    const strong = document.createElement('strong');
    strong.textContent = `${label}: `;
    item.append(strong, document.createTextNode(value));
    return item;
  }

  function render(state) {
    const guests = [...(state.vms || []), ...(state.containers || [])].sort(
      (a, b) => String(a.node).localeCompare(String(b.node)) || a.vmid - b.vmid,
    );
    const nodes = state.nodes || [];
    const running = guests.filter((guest) => guest.status === 'running').length;
    const online = nodes.filter((node) => node.status === 'online').length;
    summary.replaceChildren(
      summaryItem('Nodes online', `${online} / ${nodes.length}`),
      summaryItem('Guests running', `${running} / ${guests.length}`),
      summaryItem(
        'Last update',
        state.lastUpdate ? new Date(state.lastUpdate).toLocaleString() : '–',
      ),
    );
    if (guests.length === 0) {
      guestRows.replaceChildren(guestRow({ name: 'No guests yet' }));
    } else {
      guestRows.replaceChildren(...guests.map(guestRow));
    }
    pulse.classList.remove('beat');
    // Reading layout restarts the CSS animation on every update.
    void pulse.offsetWidth;
    pulse.classList.add('beat');
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/ws`);
    socket.addEventListener('open', () => {
      retryMs = 1000;
      setStatus('connected', 'connected');
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'initialState' || message.type === 'rawData') render(message.data);
    });
    socket.addEventListener('close', () => {
      setStatus('reconnecting', `disconnected, retrying in ${Math.round(retryMs / 1000)} s`);
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    });
  }

  connect();
})();
