// Keeps the browser from acting on the keys a canned-response list uses (the Blazor component still receives them):
// arrows, Enter, Tab and Escape while the list is open, and Enter (without Shift) where Enter sends.
document.addEventListener('keydown', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLTextAreaElement) || !box.hasAttribute('data-canned-open')) {
    return;
  }

  const open = box.getAttribute('data-canned-open') === 'true';
  if ((open && ['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(event.key))
      || (!open && event.key === 'Enter' && !event.shiftKey && box.getAttribute('data-enter-submits') === 'true')) {
    event.preventDefault();
  }
}, true);
