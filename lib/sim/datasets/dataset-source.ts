/**
 * Loading the data sets an experiment declares, from wherever the platform keeps them: `fetch`
 * in the worker (`fetchDatasetSource`), the disk in Node (`./node-datasets`). Parsing is pure and
 * shared; a cache keeps parsed sets across runs in one worker.
 */
import { DATASET_FILES, type DatasetId } from "./dataset-files";
import { parseHitters, type HittersTable } from "./hitters";
import { decodeMnist, gunzip, mnistManifestSchema, type MnistDataset } from "./mnist-format";
import { parseNyse, type NyseTable } from "./nyse";

export interface DatasetSource {
  readBytes(file: string): Promise<Uint8Array>;
  readText(file: string): Promise<string>;
}

export interface LoadedDatasets {
  mnist?: MnistDataset;
  hitters?: HittersTable;
  nyse?: NyseTable;
}

export async function loadMnist(source: DatasetSource): Promise<MnistDataset> {
  const manifestText = await source.readText(DATASET_FILES.mnistManifest);
  const manifest = mnistManifestSchema.parse(JSON.parse(manifestText));
  const bytes = await gunzip(await source.readBytes(manifest.file));
  return decodeMnist(bytes, manifest);
}

const loaders: { [K in DatasetId]: (source: DatasetSource) => Promise<NonNullable<LoadedDatasets[K]>> } = {
  mnist: loadMnist,
  hitters: async (source) => parseHitters(await source.readText(DATASET_FILES.hitters)),
  nyse: async (source) => parseNyse(await source.readText(DATASET_FILES.nyse)),
};

/** Loads (once per cache) each data set named. */
export function createDatasetCache(source: DatasetSource) {
  const pending = new Map<DatasetId, Promise<unknown>>();
  const loadOne = <K extends DatasetId>(id: K): Promise<NonNullable<LoadedDatasets[K]>> => {
    let promise = pending.get(id) as Promise<NonNullable<LoadedDatasets[K]>> | undefined;
    if (!promise) {
      promise = loaders[id](source) as Promise<NonNullable<LoadedDatasets[K]>>;
      // A failed load is not cached: the next run tries again.
      promise.catch(() => pending.delete(id));
      pending.set(id, promise);
    }
    return promise;
  };
  return {
    async load(ids: readonly DatasetId[]): Promise<LoadedDatasets> {
      const loaded: LoadedDatasets = {};
      for (const id of ids) {
        if (id === "mnist") loaded.mnist = await loadOne("mnist");
        else if (id === "hitters") loaded.hitters = await loadOne("hitters");
        else loaded.nyse = await loadOne("nyse");
      }
      return loaded;
    },
  };
}
export type DatasetCache = ReturnType<typeof createDatasetCache>;

/** Fetches from `/datasets/` (or another base URL); used by the worker. */
export function fetchDatasetSource(baseUrl: string, fetchImpl: typeof fetch = fetch): DatasetSource {
  const get = async (file: string) => {
    const response = await fetchImpl(new URL(file, baseUrl).toString());
    if (!response.ok) throw new Error(`could not load ${file}: HTTP ${response.status}`);
    return response;
  };
  return {
    readBytes: async (file) => new Uint8Array(await (await get(file)).arrayBuffer()),
    readText: async (file) => (await get(file)).text(),
  };
}

/** Throws a clear error when an experiment forgot to declare a data set it uses. */
export function requireDataset<K extends keyof LoadedDatasets>(datasets: LoadedDatasets, id: K): NonNullable<LoadedDatasets[K]> {
  const value = datasets[id];
  if (value === undefined) throw new Error(`data set "${id}" was not loaded: declare it in the experiment's datasets`);
  return value as NonNullable<LoadedDatasets[K]>;
}
