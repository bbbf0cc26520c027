import { ledgerSuite } from "./ledger-suite";

ledgerSuite("pglite");
