import { clusterGenerator, run } from './helpers';
import { clusterGeneratorKindRule as rule } from '../../../../src/validation/rules/generators/gen-cluster-kind';

describe('ESO-GEN-CLUSTER-KIND', () => {
  test('kind does not match the populated spec', () => {
    const d = run(rule, clusterGenerator({ kind: 'UUID', generator: { passwordSpec: { length: 24, noUpper: false, allowRepeat: false } } }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-GEN-CLUSTER-KIND', field: 'spec.kind' });
    expect(d[0].message).toContain('when kind is UUID, uuidSpec must be set');
  });

  test('matching kind (incl. irregular field names) is fine', () => {
    expect(run(rule, clusterGenerator({ kind: 'UUID', generator: { uuidSpec: {} } }))).toEqual([]);
    expect(run(rule, clusterGenerator({ kind: 'SSHKey', generator: { sshKeySpec: {} } }))).toEqual([]);
    expect(run(rule, clusterGenerator({ kind: 'ECRAuthorizationToken', generator: { ecrAuthorizationTokenSpec: { region: 'eu-west-1' } } }))).toEqual([]);
  });
});
