/** Names of Mantine Pagination's arrow controls, for screen readers: `getControlProps={paginationControlProps}`. */
const PAGINATION_LABEL = {
  first: 'Halaman pertama',
  previous: 'Halaman sebelumnya',
  next: 'Halaman berikutnya',
  last: 'Halaman terakhir',
};

export const paginationControlProps = (control: keyof typeof PAGINATION_LABEL) => ({
  'aria-label': PAGINATION_LABEL[control],
});
