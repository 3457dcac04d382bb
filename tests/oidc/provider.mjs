// A real OpenID Connect provider (panva's oidc-provider) for the sign-in tests, on 127.0.0.1.
//
// Started by tests/oidc/provider.py: it listens on a port the OS chooses and prints one JSON
// line, {"issuer": "http://127.0.0.1:PORT"}, once it serves. The clients come from the
// environment (OIDC_CLIENTS, a JSON list of oidc-provider client metadata).
//
// No devInteractions: the login and consent prompts are answered over plain HTTP so a test can
// play the person at the provider (tests/oidc/browser.py):
//   GET  /interaction/:uid          -> {"uid", "prompt", "details"} as JSON
//   POST /interaction/:uid/login    {"sub", "email", "email_verified"} signs that person in
//                                   (the test's own "directory": any account it names exists)
//   POST /interaction/:uid/consent  grants what the client asked for
//   POST /interaction/:uid/abort    the person refuses: the client gets error=access_denied
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const accounts = new Map(); // sub -> claims, as the test's login posts named them

function findAccount(ctx, sub) {
  const claims = accounts.get(sub);
  if (!claims) return undefined;
  return { accountId: sub, claims: async () => ({ sub, ...claims }) };
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

// Answers the prompts of one interaction; everything else goes on to the provider.
async function interactions(provider, ctx, next) {
  const match = /^\/interaction\/([^/]+)(?:\/(login|consent|abort))?$/.exec(ctx.path);
  if (!match) return next();
  const [, , action] = match;
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (ctx.method === 'GET' && !action) {
    ctx.body = { uid: details.uid, prompt: details.prompt.name, details: details.prompt.details,
                 client_id: details.params.client_id };
    return undefined;
  }
  if (ctx.method !== 'POST' || !action) {
    ctx.status = 405;
    return undefined;
  }
  let result;
  if (action === 'login') {
    const person = await readJson(ctx.req);
    if (typeof person.sub !== 'string' || !person.sub) {
      ctx.status = 400;
      ctx.body = { error: 'a login names the account: {"sub": ...}' };
      return undefined;
    }
    const { sub, ...claims } = person;
    accounts.set(sub, claims);
    result = { login: { accountId: sub } };
  } else if (action === 'consent') {
    const { prompt: { details: missing }, params, session } = details;
    const grant = details.grantId ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes || {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    result = { consent: { grantId: await grant.save() } };
  } else {
    result = { error: 'access_denied', error_description: 'the person refused to sign in' };
  }
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: true });
  ctx.status = 303;
  ctx.redirect(returnTo);
  return undefined;
}

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signing = { ...privateKey.export({ format: 'jwk' }), kid: `test-${randomBytes(4).toString('hex')}`,
                    use: 'sig', alg: 'RS256' };
  const provider = new Provider(issuer, {
    clients: JSON.parse(process.env.OIDC_CLIENTS || '[]'),
    findAccount,
    jwks: { keys: [signing] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { methods: ['S256'], required: () => true }, // every client must prove the verifier
    ttl: { AuthorizationCode: 60, IdToken: 600, AccessToken: 600, Interaction: 600, Session: 600, Grant: 600 },
  });
  provider.use((ctx, next) => interactions(provider, ctx, next));
  server.on('request', provider.callback());
  process.stdout.write(`${JSON.stringify({ issuer, kid: signing.kid })}\n`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
