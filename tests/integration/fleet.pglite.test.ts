import { fleetSuite } from "./fleet-suite";

fleetSuite("pglite");
