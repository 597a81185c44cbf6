import type { AppCodeTraffic, TrafficReport, TrafficStats } from "@qfpay-medusa/sandbox";

const NO_TRAFFIC: AppCodeTraffic = { requests: 0, rateLimited: 0, peakPerSecond: 0, peakPerMinute: 0, perSecond: [], endpoints: {} };

/** The sandbox's figures for one app code (all zero when it sent nothing). */
export function merchantTraffic(report: TrafficReport, appCode: string): AppCodeTraffic {
  return report.appCodes[appCode] ?? NO_TRAFFIC;
}

/** The most requests in any one calendar second (the unit the plugin's budget counts in). */
export function busiestSecond(traffic: TrafficStats): number {
  return Math.max(0, ...traffic.perSecond.map((second) => second.count));
}
