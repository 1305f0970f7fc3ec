#ifndef TALKHUB_CHIREDIS_SHIM_H
#define TALKHUB_CHIREDIS_SHIM_H
// Debian's libhiredis-dev (0.14) installs its headers under <hiredis/>; naming the folder
// keeps hiredis's own read.h/sds.h from shadowing other headers on the include path.
#include <hiredis/hiredis.h>
#endif
