export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  const { startReconciler } = await import("./lib/builds/reconciler");
  startReconciler();
  const { startAwsStateCheck } = await import("./lib/ledger/aws-state");
  startAwsStateCheck();
}
