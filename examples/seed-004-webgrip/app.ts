import { App, Chart } from 'cdk8s';

/**
 * Seed 004-webgrip: see ../shared/seeds/ (the stores live in the `configs` chart; other domains add
 * their constructs below, with small edits).
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  // Cluster-scoped objects (stores) live in the `configs` chart.
  const configs = new Chart(app, 'configs');
  void configs;

  return app;
}
