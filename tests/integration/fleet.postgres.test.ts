import { fleetSuite } from "./fleet-suite";

fleetSuite("postgres");
