document.getElementById('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const message = document.getElementById('message');
  const response = await fetch('/api/v1/auth/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(Object.fromEntries(form.entries())),
  });
  if (response.ok) {
    const me = await (await fetch('/api/v1/me')).json();
    message.textContent = `Signed in as ${me.name} (${me.tenant}).`;
  } else {
    const problem = await response.json();
    message.textContent = problem.detail ?? problem.title;
  }
});
