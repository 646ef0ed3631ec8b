/**
 * Verification, proposal and decision in Chromium, one role's step per test, each starting from the state the
 * step before leaves (set up through the services): a verifikator verifies two candidates, the operator bundles
 * them into a proposal (recording the mandiri family's statement) and submits it, the pimpinan decides one
 * approved and one rejected; an administrator who helped build a proposal is told so on its page instead of a
 * decision form.
 */
import type { Browser } from '@playwright/test';
import { todayIso } from '../../main/domain/format';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { actorOf, insertUser, listUsers } from '../../main/services/auth';
import { recordAssessment } from '../../main/services/graduation/assessments';
import { addToProposal, createProposal, submitProposal } from '../../main/services/graduation/proposals';
import { recordStatement } from '../../main/services/graduation/statements';
import { BEST_ANSWERS, insertCandidate } from '../support/graduation';
import { ADMIN } from '../support/office';
import { App } from '../support/pages/app';
import { HomePage } from '../support/pages/home';
import { ProposalsPage } from '../support/pages/proposals';
import { VerificationPage } from '../support/pages/verification';
import { expect, registerFamily, test, type WebServer } from '../support/web';

const PASSWORD = 'rahasia123';
const SK_NUMBER = '400.9/215/KEP/DINSOS/2026';
const REJECT_REASON =
  'Masih ada anak usia sekolah (SMP kelas 8) dan penghasilan warung belum tetap; diverifikasi ulang tahun depan.';
const FAMILIES = [
  { idKpm: 'P-GRD-1', nik: '3375014101800001', nama: 'ANI WIDYA', kind: 'mandiri' as const },
  { idKpm: 'P-GRD-2', nik: '3375014202810002', nama: 'BUDI ASTUTI', kind: 'alamiah' as const },
];

/** The office's users of each role and two families with an open candidacy each. */
async function seed(web: WebServer) {
  const db = web.db;
  for (const [username, role] of [
    ['operator1', 'operator'],
    ['verif1', 'verifikator'],
    ['pimpinan1', 'pimpinan'],
  ] as const) {
    await insertUser(db, SYSTEM_ACTOR, { username, fullName: `Pengguna ${username}`, role, password: PASSWORD });
  }
  const kpmIds: Record<string, number> = {};
  const candidateIds = FAMILIES.map((f) => {
    kpmIds[f.nama] = registerFamily(web, {
      idKpm: f.idKpm,
      nik: f.nik,
      nama: f.nama,
      noKk: '3375010101200001',
      districtCode: '337501',
      villageCode: '3375011002',
    });
    return insertCandidate(db, kpmIds[f.nama], {
      kind: f.kind,
      reasons: f.kind === 'mandiri' ? ['usaha'] : ['Tidak ada komponen'],
    });
  });
  return { kpmIds, candidateIds };
}

const statusOf = (web: WebServer, kpmId: number) =>
  web.db.$client.prepare('SELECT status, status_date AS date FROM kpm WHERE id = ?').get(kpmId) as {
    status: string;
    date: string | null;
  };

const actorNamed = (web: WebServer, username: string) =>
  actorOf(listUsers(web.db).find((u) => u.username === username) ?? listUsers(web.db)[0]);

/** Each user in a window of their own. */
const as = (browser: Browser, web: WebServer, username: string) =>
  App.signInElsewhere(browser, web, { username, password: PASSWORD });

/** The step after the verifikator's: both candidates verified as ready to graduate. */
async function verified(web: WebServer) {
  const seeded = await seed(web);
  for (const candidateId of seeded.candidateIds) {
    recordAssessment(web.db, actorNamed(web, 'verif1'), {
      candidateId,
      visitDate: todayIso(),
      answers: BEST_ANSWERS,
      notes: '',
    });
  }
  return seeded;
}

/** The step after the operator's: both in a submitted proposal, the mandiri family's statement recorded. */
async function submitted(web: WebServer) {
  const seeded = await verified(web);
  const operator = actorNamed(web, 'operator1');
  const proposal = createProposal(web.db, operator, {
    year: Number(todayIso().slice(0, 4)),
    title: 'Usulan graduasi tahap I',
  });
  addToProposal(web.db, operator, { proposalId: proposal.id, candidateIds: seeded.candidateIds });
  recordStatement(web.db, operator, {
    candidateId: seeded.candidateIds[0],
    signedDate: todayIso(),
    place: 'Medono',
    witnessPendamping: 'RINA MARLINA',
    witnessKepalaDesa: 'SLAMET RIYADI',
  });
  submitProposal(web.db, operator, proposal.id);
  return { ...seeded, number: proposal.number };
}

test('a verifikator verifies both candidates as ready to graduate', async ({ browser, web }) => {
  await seed(web);
  const verifikator = await as(browser, web, 'verif1');
  const verification = await VerificationPage.open(verifikator.page);
  for (const f of FAMILIES) await verification.verifyAsWellOff(f.nama);
  await expect(verification.queue.getByText('Terverifikasi')).toHaveCount(2);
});

test('an operator bundles the verified candidates into a proposal, records the statement and submits it', async ({
  browser,
  web,
}) => {
  await verified(web);
  const operator = await as(browser, web, 'operator1');
  const number = `USL/${todayIso().slice(0, 4)}/001`;
  const proposal = await (await ProposalsPage.open(operator.page)).create('Usulan graduasi tahap I', number);
  await proposal.addCandidates(['ANI WIDYA', 'BUDI ASTUTI']);
  await expect(proposal.families.getByText('BUDI ASTUTI')).toBeVisible();
  const statement = await proposal.openStatement('ANI WIDYA');
  // What the registry knows is filled in: the family's desa as the place.
  await expect(statement.getByRole('textbox', { name: 'Tempat' })).toHaveValue('Medono');
  await proposal.recordStatement(statement, {
    place: 'Medono',
    witnessPendamping: 'RINA MARLINA',
    witnessKepalaDesa: 'SLAMET RIYADI',
  });
  await expect(proposal.families.getByText('Ada')).toBeVisible();
  await proposal.submit(2);
  await expect(proposal.state('Diajukan')).toBeVisible();
  // The operator sees no decision form: deciding is the pimpinan's.
  await expect(proposal.saveDecisionButton).toHaveCount(0);
});

test('a pimpinan approves one family and rejects the other with its reason; Beranda counts the approved one', async ({
  browser,
  web,
}) => {
  const { kpmIds, number } = await submitted(web);
  const pimpinan = await as(browser, web, 'pimpinan1');
  const proposal = await (await ProposalsPage.open(pimpinan.page)).openProposal(number);
  await proposal.skNumber.fill(SK_NUMBER);
  // A usual decree number fits the field whole.
  expect(await proposal.skNumber.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true);
  // Every family starts undecided: nothing is approved unless the decider says so.
  await expect(proposal.decisionForm.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(pimpinan.page.getByTestId('decision-tally')).toHaveText('0 disetujui · 0 ditolak · 2 belum dipilih');
  await proposal.approve('ANI WIDYA');
  await proposal.saveDecision();
  await expect(pimpinan.notice(/Keputusan untuk BUDI ASTUTI belum dipilih/)).toBeVisible();
  await expect(pimpinan.page.getByRole('dialog')).toHaveCount(0);
  await proposal.reject('BUDI ASTUTI', REJECT_REASON);
  const confirm = await proposal.saveDecision();
  await expect(confirm).toContainText(`1 keluarga disetujui dan 1 ditolak dengan SK ${SK_NUMBER}.`);
  await pimpinan.page.screenshot({ path: 'test-results/graduation-decision-confirm.png', fullPage: true });
  await proposal.confirmDecision(confirm);
  await expect(proposal.state('Diputuskan')).toBeVisible();
  // The rejection reason reads as typed: whole, in its own letter case, wrapped within the table.
  const reason = proposal.families.getByText(REJECT_REASON, { exact: true });
  await expect(reason).toBeVisible();
  await expect(reason).toHaveCSS('text-transform', 'none');
  expect(await reason.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getClientRects().length > 0)).toBe(true);
  expect((await reason.boundingBox())?.height ?? 0).toBeGreaterThan(30);
  // People are named by their names, not their usernames.
  await expect(pimpinan.notice(/disusun oleh Pengguna operator1/)).toBeVisible();
  await expect(pimpinan.notice(/ditetapkan oleh Pengguna pimpinan1/)).toBeVisible();
  await pimpinan.page.screenshot({ path: 'test-results/graduation-decided.png', fullPage: true });
  expect(statusOf(web, kpmIds['ANI WIDYA'])).toEqual({ status: 'graduasi_mandiri', date: todayIso() });
  expect(statusOf(web, kpmIds['BUDI ASTUTI']).status).toBe('aktif');
  // The home page counts the approved family at once; the rejected one is not counted.
  await HomePage.open(pimpinan.page);
  await expect(pimpinan.page.getByTestId('office-graduated')).toHaveText('1');
});

test('an administrator who filled an operator’s draft is told on the page that they may not decide it', async ({
  page,
  web,
}) => {
  const { kpmIds, candidateIds } = await seed(web);
  const db = web.db;
  const userActor = (username: string) => actorNamed(web, username);
  const admin = userActor(ADMIN.username);
  recordAssessment(db, userActor('verif1'), {
    candidateId: candidateIds[1],
    visitDate: todayIso(),
    answers: BEST_ANSWERS,
    notes: '',
  });
  // The operator opens an empty draft; the administrator fills it and submits it.
  const draft = createProposal(db, userActor('operator1'), { year: 2026, title: 'Usulan operator' });
  addToProposal(db, admin, { proposalId: draft.id, candidateIds: [candidateIds[1]] });
  submitProposal(db, admin, draft.id);

  await App.signIn(page, web);
  const proposal = await (await ProposalsPage.open(page)).openProposal(draft.number);
  await expect(page.getByText(`disusun oleh Pengguna operator1, ${ADMIN.fullName}`)).toBeVisible();
  const notice = page.getByRole('alert').filter({ hasText: 'Anda tidak dapat menetapkan usulan ini' });
  await expect(notice).toContainText(
    `Anda ikut menyusun usulan ${draft.number} (menambahkan keluarga dan mengajukan); penetapannya harus dilakukan oleh pimpinan atau administrator lain`,
  );
  await expect(proposal.skNumber).toHaveCount(0);
  await expect(proposal.saveDecisionButton).toHaveCount(0);
  await page.screenshot({ path: 'test-results/graduation-builder-notice.png', fullPage: true });
  expect(statusOf(web, kpmIds['BUDI ASTUTI']).status).toBe('aktif');
});

test('a mandiri candidate without a signed statement cannot be approved', async ({ browser, web }) => {
  const { kpmIds, candidateIds } = await seed(web);
  const db = web.db;
  const userActor = (username: string) => actorNamed(web, username);
  const operator = userActor('operator1');
  recordAssessment(db, userActor('verif1'), {
    candidateId: candidateIds[0],
    visitDate: todayIso(),
    answers: BEST_ANSWERS,
    notes: '',
  });
  const proposal = createProposal(db, operator, {
    year: Number(todayIso().slice(0, 4)),
    title: 'Usulan tanpa pernyataan',
  });
  addToProposal(db, operator, { proposalId: proposal.id, candidateIds: [candidateIds[0]] });
  submitProposal(db, operator, proposal.id);

  const pimpinan = await as(browser, web, 'pimpinan1');
  const page = await (await ProposalsPage.open(pimpinan.page)).openProposal(proposal.number);
  await page.skNumber.fill('400/2/2026');
  await page.approve('ANI WIDYA');
  await page.confirmDecision(await page.saveDecision());
  await expect(pimpinan.notice(/Surat pernyataan .*ANI WIDYA.* belum dicatat/)).toBeVisible();
  expect(statusOf(web, kpmIds['ANI WIDYA']).status).toBe('aktif');
});
