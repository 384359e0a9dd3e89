import type { Migration } from '../migrate';
import { migration as m001 } from './001-initial';
import { migration as m002 } from './002-search';
import { migration as m003 } from './003-foreign-key-indexes';
import { migration as m004 } from './004-claim-signed-off-on';
import { migration as m005 } from './005-record-versions';
import { migration as m006 } from './006-team-trail';
import { migration as m007 } from './007-finance-trail';
import { migration as m008 } from './008-minute-numbers';
import { migration as m009 } from './009-action-due-revisions';
import { migration as m010 } from './010-register-of-interests';
import { migration as m011 } from './011-plan-order-and-standing-items';
import { migration as m012 } from './012-audit-cells';
import { migration as m013 } from './013-grant-round';

/** Every migration, in order. Add a file, add it here; never edit one that has shipped. */
export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013];
