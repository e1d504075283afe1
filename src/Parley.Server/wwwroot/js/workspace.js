// The web workspace's few browser-side helpers: notification permission (asked on a click, a user gesture), the offer
// tone and notification, and signing out through the account API.
window.parley = {
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
