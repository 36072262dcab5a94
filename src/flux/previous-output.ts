import * as path from 'path';
import { readCommittedFolders, readOwnedFolders } from '../io/layout-folders';
import { SourcedManifest } from '../model/manifest';

enum PreviousSource { GIT_HEAD, DIRECTORY, NONE }

/**
 * What `FluxLayout.synth()` compares the new output with, for the checks that are about a change (an
 * ExternalSecret moved to another layer or renamed: with prune, its Secret is deleted before the new one
 * exists). Only the identity, target and layer of the earlier ExternalSecrets and Kustomizations are read.
 */
export class PreviousOutput {
  /**
   * The outdir as committed at git HEAD, the output Flux applies (`cdk8s synth` deletes the outdir before the
   * app runs, so what is on disk then is gone). When the outdir is not inside a Git work tree, or nothing of it
   * is committed yet, what an earlier synth left in the outdir on disk.
   */
  public static gitHead(): PreviousOutput {
    return new PreviousOutput(PreviousSource.GIT_HEAD);
  }

  /**
   * A folder holding an earlier output of this layout (its layer folders and flux folder directly inside),
   * e.g. a checkout of the main branch's outdir in a pull-request pipeline.
   * @param directory the folder (relative to the working directory, or absolute)
   */
  public static directory(directory: string): PreviousOutput {
    if (!directory) throw new Error('PreviousOutput.directory: give the folder of the previous output');
    return new PreviousOutput(PreviousSource.DIRECTORY, directory);
  }

  /** Compare with nothing: the checks about a change stay silent. */
  public static none(): PreviousOutput {
    return new PreviousOutput(PreviousSource.NONE);
  }

  private constructor(private readonly source: PreviousSource, private readonly dir?: string) {}

  /**
   * The previous objects, their files named as in the new output (`prefix` + path under outdir).
   * @internal
   */
  public _read(outdir: string, prefix: string): SourcedManifest[] | undefined {
    switch (this.source) {
      case PreviousSource.NONE:
        return undefined;
      case PreviousSource.DIRECTORY:
        return readOwnedFolders(path.resolve(this.dir!), prefix);
      default:
        return readCommittedFolders(outdir, prefix) ?? readOwnedFolders(outdir, prefix);
    }
  }
}
