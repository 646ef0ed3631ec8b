import { useApi } from '../shared/api-hooks';

/** Graduated families by name, both kinds of graduation, for picking KUBE members. */
export function useGraduateOptions(q: string) {
  const search = (status: 'graduasi_mandiri' | 'graduasi_alamiah') =>
    ({ q, status, page: 1, pageSize: 50 }) as Parameters<typeof useApi<'kpm.search'>>[1];
  const mandiri = useApi('kpm.search', search('graduasi_mandiri'));
  const alamiah = useApi('kpm.search', search('graduasi_alamiah'));
  return [...(mandiri.data?.items ?? []), ...(alamiah.data?.items ?? [])].map((r) => ({
    value: String(r.id),
    label: `${r.nama} (${r.villageName})`,
  }));
}
