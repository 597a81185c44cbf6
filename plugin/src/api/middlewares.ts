import { defineMiddlewares } from "@medusajs/framework/http";
import { storeCors } from "../checkout-status/store-cors";

export default defineMiddlewares({
  routes: [
    {
      // The signature is over the exact bytes QFPay sent: the route reads them itself, and nothing parses
      // the body before the signature holds (a body no JSON parser takes is answered FAIL, not Medusa's 400).
      matcher: "/hooks/qfpay/notify",
      method: ["POST"],
      bodyParser: false,
    },
    {
      // The widget's status poll lives outside /store (see api/qfpay/payment-sessions/[id]/route.ts).
      matcher: "/qfpay/*",
      middlewares: [storeCors()],
    },
  ],
});
