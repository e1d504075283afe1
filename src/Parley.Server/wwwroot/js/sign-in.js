// Tenant: from ?tenant= (links in the demo banner and invitations), else the one last signed in to here.
const tenantBox = document.querySelector('#sign-in input[name=tenant]');
const givenTenant = new URLSearchParams(location.search).get('tenant') ?? localStorage.getItem('parley.tenant');
if (givenTenant && !tenantBox.value) {
  tenantBox.value = givenTenant;
  document.querySelector('#sign-in input[name=userName]').focus();
}

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
    localStorage.setItem('parley.tenant', form.get('tenant'));
    // Back to the page that sent the person here: a path on this site only, never another origin.
    const back = new URLSearchParams(location.search).get('ReturnUrl');
    location.assign(back && back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/');
  } else {
    const problem = await response.json();
    message.textContent = problem.detail ?? problem.title;
  }
});
