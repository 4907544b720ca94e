// The alert inbox refreshes itself: the server signals over Server-Sent Events that this user's inbox changed,
// and the page fetches the inbox fragment again (the content comes through the access policy, not the stream).
(function () {
  function banner(list) {
    const marking = list && list.dataset.marking;
    const cssClass = list && list.dataset.markingClass;
    if (!marking || !cssClass) { return; }
    document.querySelectorAll('.banner').forEach(el => {
      el.className = el.className.split(' ').filter(c => !c.startsWith('banner-') || c === 'banner-bottom')
        .concat(cssClass).join(' ');
      el.textContent = marking;
    });
  }

  function start() {
    const inbox = document.getElementById('alert-inbox');
    if (!inbox || !window.EventSource) { return; }
    let loading = false;
    let again = false;
    function refresh() {
      if (loading) { again = true; return; }
      loading = true;
      fetch(inbox.dataset.fragment, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(response => response.ok ? response.text() : Promise.reject(new Error(String(response.status))))
        .then(html => {
          inbox.innerHTML = html;
          banner(document.getElementById('alert-list'));
        })
        .catch(() => { /* the next signal or reconnection tries again */ })
        .finally(() => {
          loading = false;
          if (again) { again = false; refresh(); }
        });
    }
    const source = new EventSource(inbox.dataset.stream);
    source.addEventListener('open', () => { inbox.dataset.live = 'true'; });
    let first = true;
    source.addEventListener('alerts', event => {
      // The first signal answers the subscription: refresh only if the inbox changed since the page was made.
      // Every later one (also after a reconnection, when signals may have been missed) refreshes.
      const list = document.getElementById('alert-list');
      const count = String(JSON.parse(event.data).unacknowledged);
      if (!first || !list || count !== list.dataset.unacknowledged) { refresh(); }
      first = false;
    });
  }

  document.addEventListener('DOMContentLoaded', start);
})();
