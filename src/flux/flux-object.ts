/**
 * Name and namespace of a Flux object made in the app (the Flux constructs take them flat, not as
 * `metadata`). Shared by `FluxKustomization`, `FluxGitRepository` and `FluxHelmRepository`.
 */
export interface FluxObjectProps {
  /**
   * `metadata.name`.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Namespace of the object.
   * @default - the chart's namespace, else "flux-system"
   */
  readonly namespace?: string;
}
