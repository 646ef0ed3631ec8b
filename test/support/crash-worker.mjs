// A long-jobs worker that dies in the middle of its job, as an out-of-memory or a native crash would end it.
export default async function crash() {
  await new Promise((resolve) => setTimeout(resolve, 20));
  process.exit(7);
}
