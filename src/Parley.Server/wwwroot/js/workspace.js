// The web app's few browser-side helpers: the page heading's focus after a navigation, notification permission (asked on
// a click, a user gesture), the offer tone and notification, a chat log that follows its newest message, and signing out
// through the account API.
window.parley = {
  // Moves the focus to the new page's heading (for screen readers), unless the person has already put it in a field:
  // on a slow link this runs a moment after the page appeared, and would swallow what they had begun to type.
  focusHeading(selector) {
    const active = document.activeElement;
    if (active && active.matches('input, textarea, select, [contenteditable="true"]')) {
      return;
    }

    const heading = document.querySelector(selector);
    if (heading) {
      heading.focus();
    }
  },
  askNotifications() {
    if ('Notification' in window && Notification.permission === 'default') {
      Notification.requestPermission();
    }
  },
  notifyOffer(title, body) {
    new Audio('/sounds/offer.wav').play().catch(() => {});
    if ('Notification' in window && Notification.permission === 'granted' && document.visibilityState !== 'visible') {
      new Notification(title, { body, tag: 'parley-offer' });
    }
  },
  // Keeps a chat log scrolled to its newest message while the agent is at the bottom; once they scroll up to read,
  // new messages no longer move the log until they scroll back down. Only the reader scrolling up unpins it: content
  // that grows below (an image preview sizing itself before the scroll event of the last follow arrives) does not.
  followLog(id) {
    const log = document.getElementById(id);
    if (!log || log.dataset.follow) {
      return;
    }
    log.dataset.follow = 'on';
    let pinned = true;
    let followedTo = 0;
    const follow = () => { if (pinned) { log.scrollTop = log.scrollHeight; followedTo = log.scrollTop; } };
    log.addEventListener('scroll', () => {
      const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
      pinned = atBottom || (pinned && log.scrollTop >= followedTo - 1);
    }, { passive: true });
    log.addEventListener('load', follow, true);
    new MutationObserver(follow).observe(log, { childList: true, subtree: true });
    new ResizeObserver(follow).observe(log);
    follow();
  },
  async signOut() {
    await fetch('/api/v1/auth/sign-out', { method: 'POST' });
    location.assign('/sign-in');
  },
};
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-ask-notifications]')) {
    window.parley.askNotifications();
  }
});
