import { defineMiddlewares } from "@medusajs/framework/http";

export default defineMiddlewares({
  routes: [
    {
      // The signature is over the exact bytes QFPay sent: keep them.
      matcher: "/hooks/qfpay/notify",
      method: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
  ],
});
