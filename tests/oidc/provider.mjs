// A tiny real OpenID Connect provider for the SSO tests (npm package oidc-provider v8).
//
// Usage: node provider.mjs <port> <redirect_uri> <post_logout_redirect_uri>
// One static client ("plpv-test" / "plpv-test-geheim"), a few test accounts with
// known sub and e-mail, and no screens: the test logs in by POSTing the account id to
// /interaction/<uid>/login, and consent is given automatically (first-party client).
// /test/vervalst/token is the real token endpoint whose id_token is re-signed with
// another key (same kid): a forged token for the refusal test.
import http from "node:http";
import crypto from "node:crypto";
import Provider from "oidc-provider";

const [port, redirectUri, postLogoutUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const ACCOUNTS = {
  anna: { sub: "anna-sub-0001", email: "anna@gemeente.test", email_verified: true,
          given_name: "Anna", family_name: "de Vries" },
  onbekend: { sub: "onbekend-sub-0002", email: "niemand@gemeente.test", email_verified: true,
              given_name: "Niemand", family_name: "Bekend" },
  ongeverifieerd: { sub: "ongeverifieerd-sub-0003", email: "anna@gemeente.test",
                    email_verified: false, given_name: "Anna", family_name: "Nep" },
  bert: { sub: "bert-sub-0004", email: "bert@uwv.test", email_verified: true,
          given_name: "Bert", family_name: "Bakker" },
};

const signing = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...signing.privateKey.export({ format: "jwk" }), kid: "sleutel-1", use: "sig", alg: "RS256" };
const vervalser = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;

const provider = new Provider(issuer, {
  clients: [{
    client_id: "plpv-test",
    client_secret: "plpv-test-geheim",
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [postLogoutUri],
    token_endpoint_auth_method: "client_secret_post",
    grant_types: ["authorization_code"],
    response_types: ["code"],
  }],
  jwks: { keys: [jwk] },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["given_name", "family_name"] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ["plpv-test-cookie-sleutel"] },
  pkce: { required: () => false },
  async findAccount(ctx, id) {
    const account = Object.values(ACCOUNTS).find((a) => a.sub === id);
    if (!account) return undefined;
    return { accountId: id, async claims() { return { ...account }; } };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  rpInitiatedLogout: {},
});

function b64url(buf) { return Buffer.from(buf).toString("base64url"); }

function vervals(idToken) {
  const [kop, inhoud] = idToken.split(".");
  const handtekening = crypto.sign("RSA-SHA256", Buffer.from(`${kop}.${inhoud}`), vervalser);
  return `${kop}.${inhoud}.${b64url(handtekening)}`;
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, issuer);
  const login = url.pathname.match(/^\/interaction\/([^/]+)\/login$/);
  try {
    if (req.method === "GET" && url.pathname.startsWith("/interaction/") && !login) {
      const { uid } = await provider.interactionDetails(req, res);
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<form method="post" action="/interaction/${uid}/login"><input name="login"><button>Inloggen</button></form>`);
      return;
    }
    if (req.method === "POST" && login) {
      let body = "";
      for await (const chunk of req) body += chunk;
      const account = ACCOUNTS[new URLSearchParams(body).get("login")];
      if (!account) { res.writeHead(400); res.end("unknown account"); return; }
      await provider.interactionFinished(req, res, { login: { accountId: account.sub } },
                                         { mergeWithLastSubmission: false });
      return;
    }
    if (req.method === "POST" && url.pathname === "/test/vervalst/token") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const echt = await fetch(`${issuer}/token`, {
        method: "POST", body, headers: { "content-type": req.headers["content-type"] },
      });
      const data = await echt.json();
      if (data.id_token) data.id_token = vervals(data.id_token);
      res.writeHead(echt.status, { "content-type": "application/json" });
      res.end(JSON.stringify(data));
      return;
    }
  } catch (err) {
    res.writeHead(500); res.end(String(err)); return;
  }
  callback(req, res);
});
server.listen(Number(port), "127.0.0.1", () => console.log(`oidc-provider op ${issuer}`));
