/** The allowedParams gateway passes the conformance suite against its loopback fake; its models exist only as it lists them (the suite refreshes the catalog first). */
import { describeProvider } from "./describe-provider";
import { gatewayTarget } from "./gateway-target";

describeProvider(gatewayTarget);
