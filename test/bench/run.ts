/** `npm run bench`: every benchmark, one `bench: <name> <value> <unit>` line per figure. */
import { benchAwardsPlan } from './awards-plan.bench';
import { benchAwardsReport } from './awards-report.bench';
import { benchBackup } from './backup.bench';
import { benchDocuments } from './documents.bench';
import { benchDocumentsRender } from './documents-render.bench';
import { benchGraduation } from './graduation.bench';
import { benchGraduationDashboard } from './graduation-dashboard.bench';
import { benchGraduationDecide } from './graduation-decide.bench';
import { benchImport } from './import.bench';
import { benchKomponenRules } from './komponen-rules.bench';
import { benchKpmSearch } from './kpm-search.bench';

await benchKpmSearch();
await benchImport();
await benchKomponenRules();
await benchGraduation();
await benchGraduationDashboard();
await benchGraduationDecide();
await benchDocumentsRender();
await benchDocuments();
await benchAwardsPlan();
await benchAwardsReport();
await benchBackup();
