/** The allowedParams gateway passes the conformance suite (its models come from its own list, merged into the catalog). */
import { describeProvider } from "./describe-provider";
import { gatewayTarget } from "./gateway-target";

describeProvider(gatewayTarget);
