/* Issuing bodies and how their resolutions are identified (eval/README.md
 * "Identity keys"; un-citation-conventions.md §2.2-2.3). Functional
 * commissions have no RES symbol of their own: BODY/RES/session/number. */
#include "lang/lang.h"

#include <string.h>

static const body_info bodies[] = {
    {"GA", "General Assembly", INSTCITE_KIND_GA_RESOLUTION, INSTCITE_KIND_GA_DECISION,
     "A/RES/", "A/DEC/", true},
    {"ECOSOC", "Economic and Social Council", INSTCITE_KIND_ECOSOC_RESOLUTION,
     INSTCITE_KIND_ECOSOC_DECISION, "E/RES/", "E/DEC/", true},
    {"SC", "Security Council", INSTCITE_KIND_SC_RESOLUTION, INSTCITE_KIND_SC_RESOLUTION,
     "S/RES/", "S/RES/", true},
    {"HRC", "Human Rights Council", INSTCITE_KIND_HRC_RESOLUTION, INSTCITE_KIND_HRC_DECISION,
     "A/HRC/RES/", "A/HRC/DEC/", true},
    {"CHR", "Commission on Human Rights", INSTCITE_KIND_COMMISSION_RESOLUTION,
     INSTCITE_KIND_COMMISSION_DECISION, "CHR/RES/", "CHR/DEC/", false},
    {"CCPCJ", "Commission on Crime Prevention and Criminal Justice",
     INSTCITE_KIND_COMMISSION_RESOLUTION, INSTCITE_KIND_COMMISSION_DECISION, "CCPCJ/RES/",
     "CCPCJ/DEC/", false},
    {"CND", "Commission on Narcotic Drugs", INSTCITE_KIND_COMMISSION_RESOLUTION,
     INSTCITE_KIND_COMMISSION_DECISION, "CND/RES/", "CND/DEC/", false},
    {"CSW", "Commission on the Status of Women", INSTCITE_KIND_COMMISSION_RESOLUTION,
     INSTCITE_KIND_COMMISSION_DECISION, "CSW/RES/", "CSW/DEC/", false},
    {"CSocD", "Commission for Social Development", INSTCITE_KIND_COMMISSION_RESOLUTION,
     INSTCITE_KIND_COMMISSION_DECISION, "CSocD/RES/", "CSocD/DEC/", false},
    {"CPD", "Commission on Population and Development", INSTCITE_KIND_COMMISSION_RESOLUTION,
     INSTCITE_KIND_COMMISSION_DECISION, "CPD/RES/", "CPD/DEC/", false},
};

const body_info *body_find(const char *code)
{
    if (code)
        for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
            if (strcmp(bodies[i].code, code) == 0)
                return &bodies[i];
    return NULL;
}
