// A real OpenID Connect provider (npm's oidc-provider) for the login tests; never part of the
// site. Started by tests/accounts/oidc.py:
//
//   node tests/tools/oidc-test-provider.mjs CONFIG.json
//
// It listens on 127.0.0.1 at a free port and prints one JSON line ({"issuer": ...}) when it
// is ready. CONFIG holds the clients (as the provider registers them) and the accounts:
//   {"clients": [{client_id, client_secret, redirect_uris, post_logout_redirect_uris,
//                 backchannel_logout_uri?}],
//    "accounts": {"<login>": {"password", "claims": {...}, "acr"?, "amr"?, "refuse"?}}}
//
// Sign-in is a plain HTML form at /interaction/<uid> (login + password); an account with
// "refuse": true is turned away with access_denied, as a municipality's provider turns away
// someone who has left. PKCE is required of every client. Consent is implied (first-party).
//
// Test controls, outside the OpenID Connect endpoints:
//   POST /__test__/accounts   replace the accounts (JSON body as in CONFIG)
//   POST /__test__/id-token   {"iss"?, "aud"?, "exp_offset"?}: the next token responses carry an
//                             ID token with these claims changed, signed with the provider's own
//                             key (a provider that issues a wrong token); {} to stop
//   GET  /__test__/backchannel  the back-channel logout calls the provider made (and answers)
import { readFileSync } from 'node:fs';
import http from 'node:http';

import { exportJWK, generateKeyPair, importJWK, decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import Provider, { errors } from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let accounts = config.accounts;
let idTokenChanges = {};
const backchannelCalls = [];

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
const signingKey = await importJWK(jwk, 'RS256');

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const acrValues = [...new Set(Object.values(accounts).map((a) => a.acr).filter(Boolean))];

const provider = new Provider(issuer, {
  clients: config.clients.map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    backchannel_logout_session_required: Boolean(client.backchannel_logout_uri),
    ...client,
  })),
  jwks: { keys: [jwk] },
  cookies: { keys: ['oidc-test-provider-cookie-key'] },
  acrValues: acrValues.length ? acrValues : undefined,
  claims: {
    // acr and amr in every ID token, as the municipality's provider and MitID brokers send them.
    openid: ['sub', 'acr', 'amr', 'auth_time'],
    email: ['email', 'email_verified'],
    // `cpr` stands for what a MitID broker may send that we must never keep.
    profile: ['name', 'groups', 'roles', 'cpr'],
  },
  pkce: { required: () => true },
  // The site under test runs on 127.0.0.1, which oidc-provider's SSRF guard refuses to call
  // (back-channel logout): a test provider may.
  fetch: (url, options) => globalThis.fetch(url, { ...options, dispatcher: undefined }),
  features: {
    devInteractions: { enabled: false },
    backchannelLogout: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource(ctx, form) {
        ctx.body = page('Log ud', `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Log ud</button>`);
      },
      postLogoutSuccessSource(ctx) {
        ctx.body = page('Logget ud', '<p>Du er logget ud.</p>');
      },
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account || account.refuse) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...account.claims };
      },
    };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    // First-party clients: consent is implied for what they ask.
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(ctx.oidc.params.scope || 'openid');
    await grant.save();
    return grant;
  },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
});

// A provider gone wrong: the ID token in the token response, re-signed with changed claims.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && ctx.body?.id_token && Object.keys(idTokenChanges).length) {
    const claims = decodeJwt(ctx.body.id_token);
    const header = decodeProtectedHeader(ctx.body.id_token);
    if (idTokenChanges.iss) claims.iss = idTokenChanges.iss;
    if (idTokenChanges.aud) claims.aud = idTokenChanges.aud;
    if (idTokenChanges.exp_offset !== undefined) {
      claims.exp = Math.floor(Date.now() / 1000) + idTokenChanges.exp_offset;
    }
    ctx.body = { ...ctx.body, id_token: await new SignJWT(claims).setProtectedHeader(header).sign(signingKey) };
  }
});

// Record the back-channel logout calls the provider made (it awaits them before answering).
provider.on('backchannel.success', (ctx, client, accountId, sid) => {
  backchannelCalls.push({ client_id: client.clientId, sub: accountId, sid, ok: true });
});
provider.on('backchannel.error', (ctx, error, client, accountId, sid) => {
  backchannelCalls.push({ client_id: client.clientId, sub: accountId, sid, ok: false, error: `${error} ${error.cause ?? ''}` });
});

const callback = provider.callback();

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt } = details;
  if (prompt.name !== 'login') {
    // Consent is implied (loadExistingGrant); anything else would be a test setup mistake.
    await provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
    return;
  }
  if (req.method === 'GET') {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page('Log ind hos kommunen', `<form method="post" action="/interaction/${uid}">
<p><label for="login">Brugernavn</label> <input id="login" name="login" autocomplete="username" required></p>
<p><label for="password">Adgangskode</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Log ind</button></p></form>`));
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  const login = form.get('login');
  const account = accounts[login];
  if (!account || account.password !== form.get('password')) {
    res.statusCode = 400;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page('Forkert brugernavn eller adgangskode', `<p><a href="/interaction/${uid}">Prøv igen</a></p>`));
    return;
  }
  const result = account.refuse
    ? { error: 'access_denied', error_description: 'The account is closed.' }
    : { login: { accountId: login, acr: account.acr, amr: account.amr, remember: true } };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

async function control(req, res) {
  res.setHeader('content-type', 'application/json');
  if (req.url === '/__test__/backchannel') {
    res.end(JSON.stringify(backchannelCalls));
    return;
  }
  const body = JSON.parse((await readBody(req)) || '{}');
  if (req.url === '/__test__/accounts') accounts = body;
  else if (req.url === '/__test__/id-token') idTokenChanges = body;
  else res.statusCode = 404;
  res.end('{}');
}

server.on('request', async (req, res) => {
  try {
    if (req.url.startsWith('/interaction/')) await interaction(req, res);
    else if (req.url.startsWith('/__test__/')) await control(req, res);
    else callback(req, res);
  } catch (error) {
    if (!(error instanceof errors.OIDCProviderError)) console.error(error);
    res.statusCode = error.statusCode || 500;
    res.end(String(error));
  }
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
