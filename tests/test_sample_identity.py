"""The sample organisation is the same for the same arguments, byte for byte: the CSV files that
``write_tables(generate(...))`` writes hash to the values recorded here.

The notebooks' stored outputs, the book's figures and the benchmarks all rest on the sample, so a
refactoring of the generator must not change one byte of it. When a change of the sample is
intended (or the playbook's training modules, probation or context-rule floor change, which the
sample reads), regenerate the hashes below and say why in the commit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from salesplaybook.data.sample import generate, write_tables

#: name: (arguments of generate, SHA-256 of each table's CSV file)
EXPECTED: dict[str, tuple[dict[str, Any], dict[str, str]]] = {
    "default": (
        {},
        {
            "people": "66d07309787af10f07908a5ca73d53d2ece8b2d99d56e5226f5c02abc4000207",
            "role_changes": "8c4c9e50152d5df5bd8ae76d47423e512924820d2af01b16d11db86029a49457",
            "targets": "cf10160d1f82fc93fa3fd3f6e1a7999f76b9fef5090c5e2fa117a410e29effd2",
            "customers": "f629a3a9b74958f2f3caa98a37dff65589084bff17f1f05a4f02d14e70a4c88a",
            "deals": "01407afd94f498c36c2d3aa699ad87a89106835420342d6510eb4404d31230a8",
            "contracts": "5fa322950c2b45c5e83ebde0f8419fda6c3826dce8caf1597a3d98b133158da8",
            "invoices": "95cb1611323aa1f26aeafb57cbefa831d0e1d0af3f772c4072d6b06467333781",
            "surveys": "10ecfcfec0c5b40db73ab63d3fcff6308aa48bf192b3a0a3bf569d81399184c3",
            "complaints": "87ad1c01c395618148dd2e52a9cb5f4002a83d9e51cb62827d781856b3483821",
            "trainings": "4832ef8524056c92e74b23b0176a2cd21acd9913d0556150db61870cdb7cf0d7",
            "projects": "2292d72c98411b04b6dfb90d4a44e754fdcaec2ed1fe427350a0a4ae223d0531",
            "alerts": "4f6b8333208abce9d27d17a160a07392b7d6aa947d43cef69fba0cbdb7d7820d",
            "experiments": "84f17205947f91abe6de84c89f7e8e1438f58cef89280507f6b97c5c53ba4745",
            "toolkits": "209132687ceb3c5c75dc71bdb60636758753c71a10aacd56a1bb993c0d5d34e9",
            "toolkit_usage": "2cbf68ef2814849f58e97cd14c6c50ec4377cba7c3be4407422117c3cbf63338",
            "market": "1b3cac2859c87e6a29fe5eb5de8659df941d0d51cc4c590dede90953da8d621d",
            "forecasts": "4e83725ffdcfbffe03e1bf57d01cad9e32cf0cd1ded5a13c32181046fbe7777f",
        },
    ),
    "reps40_q6_seed3": (
        {"reps": 40, "quarters": 6, "seed": 3},
        {
            "people": "b0af6d2e093103473c12456702bd28dd0b0cb45c81585835a03527ff6791dd0b",
            "role_changes": "a4ee0e76f3c9fa38a70e72c31b047853fd014f27b7ece716e326027fa4aaa84e",
            "targets": "d34967296779aa1fba9c41af3389c045d0f6d295a090d62eb39ca2ce58a0a859",
            "customers": "ee8531ecd02c25cbebfb6bba0a5212d66e58dde07a3610ad1934d8613058f197",
            "deals": "dcceb7accc72dc7992a47f1d5fac2863cc50ce797089a783a03157ac46d86949",
            "contracts": "b211a878ceab763373fac336e00e5bd1fab17af96a0db2dc70960085e23ec6b2",
            "invoices": "34b0a76e70308c620392a29d0895e2304470bda042a51b168b4bda881df74b08",
            "surveys": "b119e9bd04cf6e9b55f48afa08435c4d29a62874ba3d6e85b2aa80198ed6bf7e",
            "complaints": "94e3b99f2789516c2208da5e5101500a55222de6d42efb7ad5d2fae08bfbfcba",
            "trainings": "8f7ac5ac18e347f8c013f168a5a7e3aecf745cd7464350989061cadb8c20f138",
            "projects": "ef0208cd1007be56229bb8d260892b032ab083b6279040649c235f86d4ebdc42",
            "alerts": "b5ee7d7c67decc4650804d5aa34ea48861395228e5bc84f9e75735cc58da694c",
            "experiments": "065ea457a28203b5a732dc1086cb1fa9d5ecbc99ee1ca4d4c6b19a651c3e9ee4",
            "toolkits": "9d99801aeedb701bbd00f5d7cd5602487fc58046fb07b05621fee1fc2923469c",
            "toolkit_usage": "6daf732ff1fbf2b94ada6362894d8422b462bf8bd3c2c395335140467caccbbf",
            "market": "66684df86ea292456264880c8b8cad4f0bc1611e68722dc6f7fd9e43981a3119",
            "forecasts": "82c2bf4d89b137dea90c2f647c1b294abe203bc4690a18ef22c4707f6a9d861c",
        },
    ),
    "reps7_q2_seed11": (
        {"reps": 7, "quarters": 2, "seed": 11},
        {
            "people": "c4ecd6b6fc58783eb7408b3a5c252a17bd6a0968eaea76a146d71ba8640917d4",
            "role_changes": "cd32702fa0db4fbb942f9d8e350af31a95ae3a4319598f498224e91f7beb0687",
            "targets": "0c3f048be2d3ece18a605b505401bd08d4d68e72f6b2367734774b09838c439a",
            "customers": "6cb45d1d387f4b9df2476246b23b93b21baa7c42e326e2743a160a9b955922fc",
            "deals": "8e939e679bedf5c6d17a12ac5b643f07610594b8314bba019910efbf0294b0cc",
            "contracts": "d367d8aec51fd7a1db8bb1b022cbba332e74921bdba0a245b40975956b09805b",
            "invoices": "f17c5b1d77b66bfbda3412d5a732e365ed01bae813a9e30a58d08271305a464e",
            "surveys": "1ae9a993a3fe696eb02b2017212f2854f6cd47126f96a72c511aef7bdbbff7f1",
            "complaints": "6bae41a15b97a0cdaebf1ea68f49c67d2de3ce18beed0b00d9a386eb0ff41401",
            "trainings": "3bb141a61bf7c88ddaf5dc8c73b99b669f25866d76dc980ca138284cdb90aba5",
            "projects": "31f848d982328e9e4d6103a66fd649f6d88c15f4245b96ea7e992e47af2a8f88",
            "alerts": "bf086adb0a027f4c1d56f93e2f9658331f94f25b607c927f243197f7750f6992",
            "experiments": "ca9451336161fd6a3ead8711760b1d4da5d43b0866cb9af44253c004454f4241",
            "toolkits": "7c01baceec8aee3fcab7bd6e8c76766c5f92174b44b5e3611997ca492328973d",
            "toolkit_usage": "3222ee1581a7e601862c675fafa45981ebd1108115db3cc16056e7aa4c49852f",
            "market": "df27a9fec1205f885f250edbfd449a8118d50f9dcb893e8eb2e0d0e43bae4c0a",
            "forecasts": "36cb565b4233a1de114f5611a59561cec83390719f61dabd7de8212cbc7d0796",
        },
    ),
    "probation6_floor07": (
        {"probation_months": 6, "declining_floor": 0.7},
        {
            "people": "a98360166d026de50ca629c242635e8396594e05db238934666ce0b9ddaf92d8",
            "role_changes": "dd659cff2c26670d0e6314be64dde2034953f029739d3ab17c483e819ce53f07",
            "targets": "28f1485ce8d090582dd9e5617e2ec542b9b7780409236484394bcf4469eded84",
            "customers": "88893d481b4c921d85cd59ccf73c19af5bfa34d38e763edc5337ccf77c6a206e",
            "deals": "4dbf25afe827b543da64ea14d58efb190cde6519b0efafdbd440ee08fadd3ab3",
            "contracts": "45019ea33e6411f4b1561f198de9df651673d5c498e6a957cd1a4072791f56fc",
            "invoices": "086dfc0eb6c8ad838badff4949c1023653fac3e7241ea19d9e4caff451da091d",
            "surveys": "a25548f5312f00f3a59944ab513e2a44dab91c12acd35338ddff5c5478ef35e3",
            "complaints": "82db54170aee6f9e85c36835f834a4e85e99c1426b30b0c9ebde63694961cfef",
            "trainings": "c6236cb9b71af797ccb5cb23f8b1a985aada707f3f759b6f1a0d099c456bf50d",
            "projects": "f1fa3269a5266a0390ac2e8c52be87011580fc53d7119214e6fbe41f86801908",
            "alerts": "ce2317c7564fdb0d8163d24c034d237c383c532813fd6f55935fea4a218b3d50",
            "experiments": "a9fb89933429188f91b97494a7e2f93a7a3b043c4622905b4635f527ed97f637",
            "toolkits": "6e7cc66f478037576791004a6391acfb5a67986a1dd6c76689fad769c028082b",
            "toolkit_usage": "317fcf39eed389c4691a37e0e914273dc0f06d94fd7d0b43367f91e6d29b6d5b",
            "market": "01e24dd20252f1e487f46c5ad52f0d74a3ce312015ad4171108aeea0d99d62f3",
            "forecasts": "d48a7155adf61cd0e53e4dffd793f015f3612c65a05cfd3b0ec842c9bbfc9b34",
        },
    ),
    "probation1_end2019": (
        {"reps": 25, "quarters": 1, "seed": 0, "end": "2019-Q4", "probation_months": 1},
        {
            "people": "1da3cbf369dfae46a87b6a9c977d71e410b62bf174f1ee6166c4d16db034c218",
            "role_changes": "e8ac249ff0aa917fcfd072f1918a2502e0245ebea135f892b9c0d3aaa593846d",
            "targets": "86cb76ce07256f78c6e8beac307791c97f383b195c99afdfc4d94927bd58e115",
            "customers": "0c4bb0ab81d20aaa34c1aa421b4a735434488462ccde9a871c8a434cd5d36586",
            "deals": "d21e22e17a04adf2e9e314c91e3c75799bf87b81b244aa3af1b0b6b243d1351b",
            "contracts": "8d61bda90c7e97276ba9e6ac278df58d349d57052affde844dcbb91e23968650",
            "invoices": "320cf7c77b42d79025249f1f5dcea76df5f83c73a30e6bf8a1ddd501906454ec",
            "surveys": "d2520822f31e57e6d335d4063c0e4c7b6656e359a374943f253c72de6aa4a6b0",
            "complaints": "3cb814c2a35730707349cd6de9075eeea4d3439bb81e1d19429031900178de7c",
            "trainings": "6d738b29c0bdce7f1b82d7db98ded4471b631f6791eb3a96aaa9a41302a82d98",
            "projects": "278640120d7c79da5f2b380fcbbdd13d2ac24904208cab161154758ab8c855ee",
            "alerts": "3af01b1bbe828857c19f6e009b1726bc681d77d5457831026c8e7c794a29cda9",
            "experiments": "3ab0e109c75850605fc4abd0bb777afbc339d30d3847f5c3279b558c17553cf3",
            "toolkits": "9bb4e34688738149aec4da198b196b7b5a828686e2395033e90b7ecdc667a89f",
            "toolkit_usage": "d7ce46d39300b2c26b4e2279a159df635cd0c316829e31f32be8cd33691ff2da",
            "market": "c0022b3e2ed1de2020aba2735dcb7af528b764b61965126ef4c48a02e9ff9e5c",
            "forecasts": "82a9f49ab72dab17aaf281ab201b7e4c6b79ac00396964f0d4d8317c23fabcdf",
        },
    ),
    "reps1_q1": (
        {"reps": 1, "quarters": 1, "seed": 2},
        {
            "people": "5292838f28058e0bf215a7b179038c7b85055206e745569514fbab6d0f00ff86",
            "role_changes": "2404f4c5e570a508b78ba02030903eb442057c57660230fce4736bbb50433dfb",
            "targets": "a3bcab307dca277b5000bfa877c2dcde1bd0142e0ddd8c8517b0536caf83ba3e",
            "customers": "cb7257d6c33e75f94046a253f89649b0e1a8ce3dbda20118643f86d79b850323",
            "deals": "a33e3c6f582d435223f1326d8ec1aeacc0666dc3c2e05bd27e6018cd5adadfa2",
            "contracts": "afc4a5ea576f4ebc667835c7fe489a963ca30fdcc82e79339254b9008fe43c4e",
            "invoices": "6990074f6ed86b52b3a44ea6196e7a3c2efbceed4cd4b95c498c5e1b5697625f",
            "surveys": "925b3bf842becf7e70d34d7af259fe694cfddb7274cf069c6ae1a179f9e4145d",
            "complaints": "d5ffa2f73b941a82a10dab9c1d7eb529fa22c993f7ca1a0539f89faea5d220e9",
            "trainings": "157503bf1f64ab13466f9f12f6009053d1c1f919e76311e096f522fa3bd2e3a5",
            "projects": "e9f3dfec3e85b7bd5abc4e29620af4739d1c296a0ebfd27ae666305234466c31",
            "alerts": "226865ddca704149c7e8f8c2ec5017e51f2b5addfd799d6d27454944d05841d4",
            "experiments": "32368e4781d938cbcd850880b2834e5802c1ad4fd9eaf2ee0c5c986aac789fc6",
            "toolkits": "eb389bae7a9b7025b340a589f9cc693815154b722819afbcab67d7edd911388a",
            "toolkit_usage": "899784fef577d90765ccb46b33e50b6d56b15cff574624665f9fd42cf11cf9a5",
            "market": "388a7ee400d10c7f7ced2da324675db91411a29d5162735520f693a7a5ca4119",
            "forecasts": "11ea395c8e6289e9c47ec556b1503430afd716677376a3a57ca8a2ba2b80f546",
        },
    ),
    "reps400_q12_seed5": (
        {"reps": 400, "quarters": 12, "seed": 5},
        {
            "people": "424b8ede8beed4ad11d791a34c478a5810cbce2d1462f0faca44b52bad87b62c",
            "role_changes": "2aaf7fc4672c32226648245d1b929bcb00c0af5c389fc45db8646635f5868c8c",
            "targets": "6886c7f696be3f9e3c6e6fb204cc35c89de23522b589f164b6c735cb510eb7a8",
            "customers": "d32ae7fe64be95ef50ddf819141a174686adcae3ea25d78050fc8440e90f6a9b",
            "deals": "08806ec1acc521aaed16c5fe924afcd3d10537236add85332deba65a19596975",
            "contracts": "b6cd0a858c56e84242e3e61fdc5436b73481c97b551c5598e70981b7b314d6bb",
            "invoices": "80e80365913947ac1964ea8b69b1cf15f67adfe09805a0992b6337564483de9f",
            "surveys": "451507bfa45230bf4a32d81acf25b79c64e5ab617588f80f8714a1f7cc67b5a0",
            "complaints": "76766457bfb9dd4d2727b1d29259d84eca2f801032a1932c529fcd67bbc025c3",
            "trainings": "162b4e9047a4c06c685eea56969b38e30e74117e20db4f484441a34f0d49e80c",
            "projects": "93b9310404faf8849f7681fbfee4891a3edc310585129e211beb3194ca2ce0f2",
            "alerts": "eea5d1bc07ac9a27460619bfd91f2deb3800afa330842aac901723f0e7fa1b8f",
            "experiments": "c005f6d7d5949cf47432a465da5fea386ceaa61d246f71d8bfd738c457997695",
            "toolkits": "c590523ffe6579c363c127fe0c08d6633a93b32e08a929f773d6502a8081ddf7",
            "toolkit_usage": "4d7ab9097d960570af24d86d480be959376d8120107658c048d4f54bacdbd69b",
            "market": "eb168392777d9206d00729dc64be1f8f5b838da68485004090fc20b6024199ec",
            "forecasts": "4b73072ae1ccd7cec99de6e19abb9d0322c9dc9e485de255e851bf36a5b4cc59",
        },
    ),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_the_same_arguments_write_the_same_bytes(name: str, tmp_path: Path) -> None:
    arguments, expected = EXPECTED[name]
    paths = write_tables(generate(**arguments), tmp_path)
    written = {p.stem: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    assert list(written) == list(expected)
    changed = [table for table, digest in expected.items() if written[table] != digest]
    assert changed == [], f"{name}: these tables changed: {', '.join(changed)}"
