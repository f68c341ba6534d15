import * as s from '@/lib/poller'; console.log(s)
