// Types for scripts/bundles.mjs, which the boot tests import.
export declare const root: string;
export declare const MAIN_EXTERNALS: string[];
export interface BundleTarget {
  name: 'main' | 'preload' | 'bridge';
  optional?: string;
  options: { outfile: string; external?: string[] } & Record<string, unknown>;
}
export declare function bundleTargets(outDir?: string): BundleTarget[];
export declare function buildBundles(outDir: string, names: BundleTarget['name'][]): Promise<Partial<Record<BundleTarget['name'], string>>>;
