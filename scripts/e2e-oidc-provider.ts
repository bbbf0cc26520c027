// A throw-away OpenID Connect provider for the e2e suite (oidc-provider's
// development login: any password). Each login name maps to fixed groups.
import Provider from "oidc-provider";

const port = Number(process.env.E2E_OIDC_PORT ?? 3190);
const portal = process.env.E2E_OIDC_PORTAL_URL ?? "http://127.0.0.1:3101";

const ACCOUNTS: Record<string, { name: string; groups: string[] }> = {
  olga: {
    name: "Olga Operator",
    groups: ["staff", "ami-portal:engineer", "ami-portal:team:platform"],
  },
  sam: { name: "Sam Auditor", groups: ["ami-portal:security"] },
  nobody: { name: "No Role", groups: ["staff"] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: "golden-ami-portal",
      client_secret: "e2e-oidc-client-secret",
      redirect_uris: [`${portal}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  scopes: ["openid", "profile", "email", "groups"],
  claims: {
    openid: ["sub"],
    profile: ["name"],
    email: ["email"],
    groups: ["groups"],
  },
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;

    return {
      accountId: id,
      claims: async () => ({
        sub: id,
        name: account.name,
        email: `${id}@corp.example.com`,
        groups: account.groups,
      }),
    };
  },
});

provider.listen(port, "127.0.0.1", () => {
  console.log(`e2e oidc provider ready at http://127.0.0.1:${port}`);
});
