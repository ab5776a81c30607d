/*
 * not_component.c - a shared object with no DllGetClassObject, which
 * activation must refuse to use as a component.
 */
int not_component_answer(void);

int not_component_answer(void)
{
    return 42;
}
