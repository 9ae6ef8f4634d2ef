# The wording now lives in CertificateWording (0005 moved every site's into it).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('certificates', '0005_wording_from_settings'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='certificatesettings',
            name='organisation',
        ),
        migrations.RemoveField(
            model_name='certificatesettings',
            name='signatory_name',
        ),
        migrations.RemoveField(
            model_name='certificatesettings',
            name='signatory_title',
        ),
    ]
