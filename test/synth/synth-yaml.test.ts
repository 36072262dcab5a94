import { ApiObject, App, Chart } from 'cdk8s';
import { EsoValidation } from '../../src/synth/eso-validation';

function build(withValidation: boolean): App {
  const app = new App();
  for (let i = 0; i < 3; i++) {
    const chart = new Chart(app, `c${i}`, { namespace: `ns${i}` });
    const a = new ApiObject(chart, 'a', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { i: String(i) } });
    const b = new ApiObject(chart, 'b', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });
    a.addDependency(b); // order inside a chart follows dependencies
  }
  if (withValidation) EsoValidation.of(app);
  return app;
}

test('the hooked synthYaml() renders exactly what plain cdk8s renders', () => {
  expect(build(true).synthYaml()).toBe(build(false).synthYaml());
});
