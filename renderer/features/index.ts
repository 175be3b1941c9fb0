// Each feature registers its case tabs, header indicators and Settings sections when imported: one line per feature.
import './case/builtinTabs.js';
import './settings/index.js';
import './submit/index.js';
import './documents/index.js';
import './export/index.js';
import './review/index.js';
import './due/index.js';
import './audit/index.js';
